//! placeholder: division codes and pooling areas (being written)
